package com.pult.mdm.host.testplugins.library;

/** The one class of a test library bundle that exports its package to a test plugin. */
public final class LibraryGreeting {

    private LibraryGreeting() {}

    /** A value the plugin reads through the library, to show which library revision it is wired to. */
    public static String edition() {
        return "library";
    }
}
