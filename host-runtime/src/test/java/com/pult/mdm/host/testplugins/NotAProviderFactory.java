package com.pult.mdm.host.testplugins;

/** Named in a test bundle's services entry although it implements nothing. */
public final class NotAProviderFactory {}
