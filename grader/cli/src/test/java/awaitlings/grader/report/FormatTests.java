package awaitlings.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import awaitlings.grader.model.Format;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Format")
class FormatTests {

    @Test
    @DisplayName("Format · parses a comma list in any case, with spaces, into those formats only")
    void parsesAList() {
        assertThat(Format.parse(" Gradescope, csv ,HTML")).containsExactly(Format.GRADESCOPE, Format.CSV, Format.HTML);
    }

    @Test
    @DisplayName("Format · means every format for no list, a blank one, or all")
    void defaultsToAll() {
        assertThat(Format.parse(null)).containsExactly(Format.values());
        assertThat(Format.parse("  ")).containsExactly(Format.values());
        assertThat(Format.parse("all")).containsExactly(Format.values());
    }

    @Test
    @DisplayName("Format · refuses an unknown format in one line naming it and the known ones")
    void refusesAnUnknownFormat() {
        assertThatThrownBy(() -> Format.parse("csv,pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format \"pdf\"; known formats: gradescope, exercism, classroom, junit, csv, html (or all)");
    }

    @Test
    @DisplayName("Format · refuses a list of nothing but commas")
    void refusesOnlyCommas() {
        assertThatThrownBy(() -> Format.parse(" , ,"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no format in \" , ,\"; known formats: gradescope, exercism, classroom, junit, csv, html (or all)");
    }
}
