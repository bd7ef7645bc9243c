package com.pult.mdm.host.match;

import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.host.store.StoredDevice;
import java.util.List;

/** Where a match index takes one organization's devices from: the MDM snapshot, or the admin's manual list. */
@FunctionalInterface
public interface DeviceSource {

    /** Every device of the organization, gone ones included; called on every index rebuild. */
    List<StoredDevice> devicesOf(String orgId) throws StoreException;
}
