package com.pult.mdm.host.testplugins;

import com.pult.mdm.host.testplugins.library.LibraryGreeting;

/** A test plugin that imports a package from a separate library bundle. */
public final class LibraryUsingFactory extends TestProviderFactory {

    /** The library's answer, read in the constructor so the wiring is exercised at once. */
    public final String edition = LibraryGreeting.edition();
}
