package com.pult.mdm.host.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;

/** Which providers an admin disabled. A disabled provider's integrations make no requests. */
public final class ProviderSettingStore {

    private final Database database;

    public ProviderSettingStore(Database database) {
        this.database = database;
    }

    /** Enables or disables a provider for every organization. */
    public void setEnabled(String providerId, boolean enabled) throws StoreException {
        database.inTransaction(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM provider_setting WHERE provider_id = ?")) {
                delete.setString(1, providerId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO provider_setting (provider_id, enabled) VALUES (?, ?)")) {
                insert.setString(1, providerId);
                insert.setBoolean(2, enabled);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The ids of the providers an admin disabled. */
    public Set<String> disabled() throws StoreException {
        return database.read(connection -> {
            Set<String> disabled = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT provider_id FROM provider_setting WHERE enabled = FALSE");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    disabled.add(rows.getString(1));
                }
            }
            return disabled;
        });
    }
}
