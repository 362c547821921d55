package awaitlings.grader.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

@DisplayName("DurationConverter")
class DurationConverterTests {

    private final DurationConverter converter = new DurationConverter();

    @Test
    @DisplayName("reads 500ms, 10s, 2m, 1h, 1m30s and ISO-8601")
    void readsDurations() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(converter.convert("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert(" 2M ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("PT1M5S")).isEqualTo(Duration.ofSeconds(65));
    }

    @Test
    @DisplayName("refuses a number without a unit, zero, a negative, garbage and an overflow, with one message")
    void refusesTheRest() {
        for (String text : new String[] {"10", "0s", "-5s", "PT-1S", "ten seconds", "10s5", "", "99999999999999999999h", "9999999999999999h"}) {
            assertThatThrownBy(() -> converter.convert(text)).as(text)
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessage("'" + text + "' is not a positive duration; write it like 500ms, 10s, 2m or 1m30s");
        }
    }
}
