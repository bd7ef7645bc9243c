package com.pult.mdm.host.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Version ranges read back from the filters the framework builds from Import-Package. */
class RequirementsTest {

    @Test
    void halfOpenRangeReadsAsInTheManifest() {
        String filter = "(&(osgi.wiring.package=com.pult.mdm.spi)(version>=2.0.0)(!(version>=3.0.0)))";

        assertEquals("[2.0.0,3.0.0)", Requirements.range(filter));
    }

    @Test
    void lowerBoundOnlyReadsAsOrLater() {
        assertEquals("1.0.0 or later", Requirements.range("(&(osgi.wiring.package=p)(version>=1.0.0))"));
    }

    @Test
    void closedRangeKeepsItsBrackets() {
        String filter = "(&(osgi.wiring.package=p)(!(version<=1.0.0))(version<=2.0.0))";

        assertEquals("(1.0.0,2.0.0]", Requirements.range(filter));
    }

    @Test
    void noVersionReadsAsAnyVersion() {
        assertEquals("(any version)", Requirements.range("(osgi.wiring.package=p)"));
    }
}
