package com.pult.mdm.host.testplugins;

/** A well-behaved test plugin. */
public final class FakeProviderFactory extends TestProviderFactory {}
