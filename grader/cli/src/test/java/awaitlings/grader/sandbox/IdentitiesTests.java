package awaitlings.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** User ids for sandboxed JVMs: never two holders at once, in one grader or across graders. */
@DisplayName("Identities")
@Timeout(60)
class IdentitiesTests {

    private static final int FIRST = 300_000;
    private static final int COUNT = 400;

    @TempDir
    Path leases;

    @Test
    @DisplayName("ids held at the same time all differ, and each is one of the range")
    void heldIdsDiffer() {
        Identities identities = new Identities(leases, FIRST, COUNT);
        List<Identities.Lease> held = new java.util.ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < COUNT; i++) {
            Identities.Lease lease = identities.take();
            held.add(lease);
            ids.add(lease.uid());
        }
        held.forEach(Identities.Lease::close);

        assertThat(ids).hasSize(COUNT).allSatisfy(id -> assertThat(id).isBetween(FIRST, FIRST + COUNT - 1));
    }

    @Test
    @DisplayName("an id another grader process holds is never handed out until that process lets go")
    void anotherProcessHoldsItsIds() throws Exception {
        Path holder = Files.writeString(leases.resolve("Holder.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                import java.util.*;
                public class Holder {
                    public static void main(String[] args) throws Exception {
                        // kept reachable: a channel the collector closes lets go of its lock
                        List<FileChannel> held = new ArrayList<>();
                        for (int id = %d; id < %d; id++) {
                            FileChannel channel = FileChannel.open(Path.of(args[0], String.valueOf(id)), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                            channel.lock();
                            held.add(channel);
                        }
                        System.gc();
                        System.out.println("holding");
                        System.in.read();
                        System.out.println(held.size());
                    }
                }
                """.formatted(FIRST, FIRST + COUNT - 1));
        Path folder = Files.createDirectories(leases.resolve("ids"));
        Process other = new ProcessBuilder(java(), holder.toString(), folder.toString()).redirectErrorStream(true).start();
        try (InputStream out = other.getInputStream()) {
            assertThat(new String(out.readNBytes("holding".length()))).isEqualTo("holding");
            Identities identities = new Identities(folder, FIRST, COUNT);

            try (Identities.Lease lease = identities.take()) {
                assertThat(lease.uid()).as("the one id the other process left free").isEqualTo(FIRST + COUNT - 1);
            }
        } finally {
            other.destroy();
            other.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("looking for a free id never lets go of one this grader holds, so no other grader can take it")
    void searchingKeepsOwnLeases() throws Exception {
        Identities identities = new Identities(leases, FIRST, 1);
        try (Identities.Lease lease = identities.take()) {
            assertThatThrownBy(identities::take).isInstanceOf(IllegalStateException.class);

            Path prober = Files.writeString(leases.resolve("Prober.java"), """
                    import java.nio.channels.FileChannel;
                    import java.nio.file.*;
                    public class Prober {
                        public static void main(String[] args) throws Exception {
                            FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                            System.out.print(channel.tryLock() == null ? "held" : "free");
                        }
                    }
                    """);
            Process other = new ProcessBuilder(java(), prober.toString(), leases.resolve(String.valueOf(lease.uid())).toString())
                    .redirectErrorStream(true).start();
            assertThat(new String(other.getInputStream().readAllBytes())).as("the lock another grader sees").isEqualTo("held");
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    @DisplayName("an id let go is free again")
    void freedIdsReturn() throws IOException {
        Identities identities = new Identities(leases, FIRST, COUNT);
        int first;
        try (Identities.Lease lease = identities.take()) {
            first = lease.uid();
        }
        assertThat(Files.exists(leases.resolve(String.valueOf(first)))).isTrue();
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(leases.resolve(String.valueOf(first)),
                java.nio.file.StandardOpenOption.WRITE)) {
            assertThat(channel.tryLock()).as("no one holds the lock of an id let go").isNotNull();
        }
    }
}
