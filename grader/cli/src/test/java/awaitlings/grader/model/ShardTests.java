package awaitlings.grader.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Shard")
class ShardTests {

    private static final List<String> IDS = IntStream.range(0, 200).mapToObj(i -> "student-" + i).toList();

    @Test
    @DisplayName("every id is held by exactly one of the N shards, for every N from 1 to 7")
    void everyIdInExactlyOneShard() {
        for (int count = 1; count <= 7; count++) {
            for (String id : IDS) {
                int holders = 0;
                for (int index = 1; index <= count; index++) {
                    holders += new Shard(index, count).holds(id) ? 1 : 0;
                }
                assertThat(holders).as("shards of %d holding %s", count, id).isOne();
            }
        }
    }

    @Test
    @DisplayName("an id's shard comes from the SHA-256 of its UTF-8 bytes, so it is the same on every machine and JVM")
    void shardComesFromSha256() {
        // SHA-256("alice") starts 2bd806c97f0e00af, which is 3159282601090220207: 2 modulo 3, so the third shard.
        assertThat(new Shard(3, 3).holds("alice")).isTrue();
        assertThat(new Shard(2, 3).holds("dave")).isTrue();
        assertThat(new Shard(1, 3).holds("erin")).isTrue();
        // In Latin-1 "zoë" would fall into the first shard, and "łukasz" in UTF-16 too.
        assertThat(new Shard(2, 3).holds("zoë")).isTrue();
        assertThat(new Shard(3, 3).holds("łukasz")).isTrue();
    }

    @Test
    @DisplayName("the slices are about even: no shard of 3 holds fewer than a quarter of 200 ids")
    void slicesAreEven() {
        for (int index = 1; index <= 3; index++) {
            Shard shard = new Shard(index, 3);
            assertThat(IDS.stream().filter(shard::holds).count()).as("shard %s", shard).isGreaterThan(50);
        }
    }

    @Test
    @DisplayName("the whole batch is one shard holding every id, and reads as 1/1")
    void allHoldsEverything() {
        assertThat(IDS).allMatch(Shard.ALL::holds);
        assertThat(Shard.ALL).hasToString("1/1");
    }
}
