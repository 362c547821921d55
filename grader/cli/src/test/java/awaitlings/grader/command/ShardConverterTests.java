package awaitlings.grader.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import awaitlings.grader.model.Shard;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

@DisplayName("ShardConverter")
class ShardConverterTests {

    private final ShardConverter converter = new ShardConverter();

    @Test
    @DisplayName("reads K/N, spaces around it allowed")
    void readsShards() {
        assertThat(converter.convert("2/3")).isEqualTo(new Shard(2, 3));
        assertThat(converter.convert("1/1")).isEqualTo(Shard.ALL);
        assertThat(converter.convert(" 12/12 ")).isEqualTo(new Shard(12, 12));
    }

    @Test
    @DisplayName("refuses a K outside 1 to N, no N, no number and no slash, each with one message")
    void refusesTheRest() {
        String form = "is not a shard; write it as K/N, e.g. 2/3 for the second of 3";
        String[][] cases = {
            {"0/3", "'0/3' is not a shard; K must be from 1 to 3"},
            {"4/3", "'4/3' is not a shard; K must be from 1 to 3"},
            {"1/0", "'1/0' is not a shard; N, the number of shards, must be at least 1"},
            {"a/b", "'a/b' " + form},
            {"3", "'3' " + form},
            {"-1/3", "'-1/3' " + form},
            {"1/3/5", "'1/3/5' " + form},
            {"", "'' " + form},
            {"1/9999999999", "'1/9999999999' " + form},
        };
        for (String[] mistake : cases) {
            assertThatThrownBy(() -> converter.convert(mistake[0])).as(mistake[0])
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessage(mistake[1]);
        }
    }
}
