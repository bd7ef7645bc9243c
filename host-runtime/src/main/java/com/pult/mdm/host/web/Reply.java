package com.pult.mdm.host.web;

/**
 * What a route answers: a status and a body, JSON unless a content type is given.
 *
 * @param status the HTTP status
 * @param body a value Jackson writes as JSON, a String when {@code contentType} is set, or null for no body
 * @param contentType null for JSON, otherwise the content type of a String body
 */
record Reply(int status, Object body, String contentType) {

    static Reply ok(Object body) {
        return new Reply(200, body, null);
    }

    static Reply created(Object body) {
        return new Reply(201, body, null);
    }

    static Reply accepted(Object body) {
        return new Reply(202, body, null);
    }

    static Reply noContent() {
        return new Reply(204, null, null);
    }

    static Reply text(String contentType, String body) {
        return new Reply(200, body, contentType);
    }
}
