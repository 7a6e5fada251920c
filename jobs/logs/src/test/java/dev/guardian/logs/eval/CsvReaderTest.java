package dev.guardian.logs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<List<String>> readAll(String text) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<List<String>> records = new ArrayList<>();
        for (List<String> r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        String text =
                "LineId,Content,EventId\r\n"
                        + "1,\"Registered signal handlers for [TERM, HUP, INT]\",E22\r\n"
                        + "2,\"setting hostname to \"\"x.local\"\"\",E311\n"
                        + "3,\"two\nlines\",E1\n"
                        + "4,,E2";

        assertThat(readAll(text))
                .containsExactly(
                        List.of("LineId", "Content", "EventId"),
                        List.of("1", "Registered signal handlers for [TERM, HUP, INT]", "E22"),
                        List.of("2", "setting hostname to \"x.local\"", "E311"),
                        List.of("3", "two\nlines", "E1"),
                        List.of("4", "", "E2"));
    }

    @Test
    void keepsQuotesThatDoNotOpenAField() throws IOException {
        assertThat(readAll("a say \"hi\",b\n")).containsExactly(List.of("a say \"hi\"", "b"));
    }

    @Test
    void rejectsAnUnterminatedQuotedField() {
        assertThatThrownBy(() -> readAll("1,\"open")).isInstanceOf(IOException.class);
    }
}
