package org.parley.corpus;

import org.junit.jupiter.api.Test;
import org.parley.label.Attribute;
import org.parley.label.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The counts table of training-data/README.md reads the same on any machine (a clock audit, forty-eighth session). */
class CorpusReportTest {
    @Test
    void theTableWritesItsNumbersTheSameWhateverTheJvmsLocale() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 1500; i++) examples.add(new Example("a", "a-" + i, "text number " + i,
                Labels.of(Map.of(Attribute.TOXICITY, i % 10 == 0 ? 1.0 : 0.0))));
        String root = CorpusReport.render(Map.of("a", examples));
        Locale was = Locale.getDefault();
        for (Locale locale : List.of(Locale.forLanguageTag("tr-TR"), Locale.GERMANY, Locale.forLanguageTag("ar-EG"))) {
            Locale.setDefault(locale);
            try {
                String table = CorpusReport.render(Map.of("a", examples));
                assertTrue(table.contains("| `a` | 1,500 | 1,500 / 150 |"), locale + ": " + table);
                assertTrue(table.matches("(?s).*dev = \\d+\\.\\d\\d% of.*"), locale + ": " + table);
                assertEquals(root, table, locale.toString());
            } finally {
                Locale.setDefault(was);
            }
        }
    }
}
