package com.pult.mdm.spi;

import java.util.Objects;

/** The outcome of {@link MdmProvider#normalize}: a device, a device's detail, or a rejection with its reason. */
public sealed interface Normalization {

    /** The vendor's device id, or blank when the record did not carry a readable one. */
    String deviceId();

    /** A listing record became a device. */
    record Device(MdmDevice device) implements Normalization {
        public Device {
            Objects.requireNonNull(device, "device");
        }

        @Override
        public String deviceId() {
            return device.deviceId();
        }
    }

    /** A detail record became the device's detail. */
    record Detail(DeviceDetail detail) implements Normalization {
        public Detail {
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String deviceId() {
            return detail.deviceId();
        }
    }

    /**
     * The record is not kept.
     *
     * @param deviceId the device id if readable, else blank
     * @param reason the reason code, stable for programs and counted per sync
     * @param message what was wrong, for a person; never the whole record
     */
    record Rejected(String deviceId, RejectReason reason, String message) implements Normalization {
        public Rejected {
            deviceId = deviceId == null ? "" : deviceId;
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
