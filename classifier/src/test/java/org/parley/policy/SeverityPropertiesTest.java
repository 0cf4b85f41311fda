package org.parley.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.text.GeneratedCase;

/**
 * Properties of probability → severity → level over generated probabilities (fixed seeds, see {@link GeneratedCase}):
 * a probability is uniform in [0, 1) or one of the edges below, half each.
 */
class SeverityPropertiesTest {
    /** 0 and 1, the smallest steps inside them, and each level's boundary with the probability just below it. */
    private static final List<Double> EDGES = List.of(0.0, -0.0, 1.0, Math.nextDown(1.0), Double.MIN_VALUE,
            0.125, Math.nextDown(0.125), 0.25, Math.nextDown(0.25), 0.5, 0.75, 0.875, Math.nextDown(0.875));
    /** NaN, the infinities and the smallest steps outside [0, 1]. */
    private static final List<Double> OUTSIDE_EDGES = List.of(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Math.nextUp(1.0), -Double.MIN_VALUE);

    record Pair(double p, double q) {}

    static Stream<GeneratedCase<Double>> probabilities() {
        return GeneratedCase.cases(5_000, 1000, SeverityPropertiesTest::probability, String::valueOf);
    }

    static Stream<GeneratedCase<Pair>> pairs() {
        return GeneratedCase.cases(6_000, 1000, r -> new Pair(probability(r), probability(r)), x -> x.p() + ", " + x.q());
    }

    static Stream<GeneratedCase<Double>> outside() {
        return GeneratedCase.cases(7_000, 300, SeverityPropertiesTest::outsideOne, String::valueOf);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void monotoneInProbability(GeneratedCase<Pair> c) {
        double lo = Math.min(c.input().p(), c.input().q()), hi = Math.max(c.input().p(), c.input().q());
        Severity a = Severity.of(lo), b = Severity.of(hi);
        assertTrue(a.severity() <= b.severity() && a.level() <= b.level(), () -> lo + " → " + a + ", " + hi + " → " + b + "; " + c.describe());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1})
    void zeroAndOneAreAccepted(double p) {
        assertEquals(p == 0 ? 0 : Severity.MAX, Severity.of(p).severity());
    }

    /** Also: every probability drawn in [0, 1] is accepted. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("probabilities")
    void levelIsOneOfFourAndNamedSo(GeneratedCase<Double> c) {
        Severity s = assertDoesNotThrow(() -> Severity.of(c.input()), c::describe);
        assertTrue(0 <= s.severity() && s.severity() <= Severity.MAX, () -> s + "; " + c.describe());
        assertTrue(Set.of(0, 2, 4, 6).contains(s.level()), () -> s + "; " + c.describe());
        assertEquals(s.level(), s.levelName().value(), c::describe);
        assertTrue(s.level() <= s.severity() && s.severity() <= s.level() + 1, () -> s + "; " + c.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outside")
    void probabilitiesOutsideTheUnitIntervalAreRefused(GeneratedCase<Double> c) {
        assertThrows(IllegalArgumentException.class, () -> Severity.of(c.input()), c::describe);
    }

    private static double probability(SplittableRandom r) {
        return r.nextBoolean() ? r.nextDouble() : EDGES.get(r.nextInt(EDGES.size()));
    }

    /** Below 0, above 1 (at any magnitude) or an edge, a third each. */
    private static double outsideOne(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> -positive(r);
            case 1 -> Math.max(Math.nextUp(1.0), 1 + positive(r));
            default -> OUTSIDE_EDGES.get(r.nextInt(OUTSIDE_EDGES.size()));
        };
    }

    /** A finite positive double whose binary exponent is uniform, from subnormal to near the largest. */
    private static double positive(SplittableRandom r) {
        return Math.scalb(1 + r.nextDouble(), r.nextInt(-1074, 1023));
    }
}
