package org.parley.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SeverityTest {
    @ParameterizedTest
    @CsvSource({
            "0.0, 0, 0, SAFE", "0.1249, 0, 0, SAFE", "0.125, 1, 0, SAFE", "0.2499, 1, 0, SAFE",
            "0.25, 2, 2, LOW", "0.49, 3, 2, LOW", "0.5, 4, 4, MEDIUM", "0.74, 5, 4, MEDIUM",
            "0.75, 6, 6, HIGH", "0.875, 7, 6, HIGH", "1.0, 7, 6, HIGH"})
    void probabilityMapsToSeverityLevelAndName(double p, int severity, int level, String name) {
        Severity s = Severity.of(p);
        assertEquals(severity, s.severity());
        assertEquals(level, s.level());
        assertEquals(name, s.levelName().name());
        assertEquals(level, s.levelName().value());
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Severity.of(-0.01));
        assertThrows(IllegalArgumentException.class, () -> Severity.of(1.01));
        assertThrows(IllegalArgumentException.class, () -> Severity.of(Double.NaN));
    }
}
