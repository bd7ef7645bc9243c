package com.pult.mdm.kandji.internal.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Says in words why no answer arrived from a host, without the exception's own (sometimes long) message. */
public final class KandjiNetworkFailure {

    private KandjiNetworkFailure() {}

    /** A sentence such as "Cannot resolve 'acme.api.kandji.io': the host name is unknown." */
    public static String describe(IOException failure, String host) {
        if (failure instanceof UnknownHostException) {
            return "Cannot resolve '" + host + "': the host name is unknown. Check the API URL.";
        }
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
            return "Cannot connect to '" + host + "': the connection was refused or the host is unreachable.";
        }
        if (failure instanceof SSLException) {
            return "Cannot open a trusted TLS connection to '" + host + "': the certificate or handshake failed.";
        }
        if (failure instanceof InterruptedIOException) {
            // Covers connect and read timeouts (SocketTimeoutException, httpclient's ConnectTimeoutException).
            return "'" + host + "' did not answer in time.";
        }
        return "Cannot reach '" + host + "': " + failure.getClass().getSimpleName() + ".";
    }
}
