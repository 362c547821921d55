package awaitlings.grader.sandbox;

import awaitlings.grader.files.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How the grader forks a JVM that runs a learner's code. Isolated (the grader runs as root on Linux with
 * bubblewrap, util-linux and a shell): the JVM runs as a user id of its own ({@link Identities}), with a cap on its
 * processes and threads, in namespaces of its own — no network but its own loopback, no capabilities, no new
 * privileges, no way into a user namespace of its own — and a file system that is an allowlist: the JDK, what its
 * {@link Jail} lists, and a private size-capped {@code /tmp} ({@code /var/tmp} and {@code /dev/shm} share it) where
 * nothing can be executed, neither a program nor a native library. Everything it starts lives in its process
 * namespace and dies with it. Plain (anywhere else): a child process of the grader's own user, and the result says
 * what that lacks.
 */
public final class Sandbox {

    static final int MAX_PROCESSES = 512;
    static final long TMP_BYTES = 64L << 20;
    private static final String PLAIN_COST = " Submissions graded this way can read each other's files and the"
            + " instructor's, reach the network, and affect one another while they run.";
    private static final Sandbox DETECTED = detect();

    private final boolean isolated;
    private final String note;
    private final Tools tools;
    private final JdkFiles jdk;
    private final Identities identities;

    private Sandbox(boolean isolated, String note, Tools tools, JdkFiles jdk, Identities identities) {
        this.isolated = isolated;
        this.note = note;
        this.tools = tools;
        this.jdk = jdk;
        this.identities = identities;
    }

    /** The sandbox this machine allows, found out once per grader by starting a JVM in it. */
    public static Sandbox detected() {
        return DETECTED;
    }

    /** A sandbox that only forks; {@code why} says what is missing for isolation. */
    public static Sandbox plain(String why) {
        return new Sandbox(false, why + PLAIN_COST, null, JdkFiles.ofThisJvm(), null);
    }

    /** Whether forked JVMs run isolated (see the class comment). */
    public boolean isolated() {
        return isolated;
    }

    /** Why there is no isolation and what that means, for the result's notes; empty when isolated. */
    public String note() {
        return note;
    }

    /**
     * This sandbox, unless the graded JVMs, running as users of their own, could not reach {@code paths} (a
     * folder on the way lets no other user pass): then a plain one that says so.
     */
    public Sandbox reaching(List<Path> paths) {
        if (isolated && !paths.stream().allMatch(Permissions::reachableByOthers)) {
            return plain("The graded code ran with no sandbox: the work folders sit in a folder other users cannot"
                    + " enter, so a JVM running as a user of its own could not read them.");
        }
        return this;
    }

    /** The JDK's {@code java} that forked JVMs run: the grader's own. */
    public Path java() {
        return jdk.home().resolve("bin/java");
    }

    /**
     * Starts {@code java javaArgs} in {@code jail}. {@code jvmDir} is the JVM's own folder on the grader's side,
     * which it may not see (the caller shows files of it through the jail); its private {@code /tmp} is mounted
     * on a folder inside it.
     */
    public ForkedJvm start(Jail jail, Path jvmDir, List<String> javaArgs, OutputCap output) throws IOException {
        if (!isolated) {
            Path tmp = Files.createDirectories(jvmDir.resolve("tmp"));
            List<String> command = new ArrayList<>(List.of(java().toString(), "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + tmp));
            command.addAll(javaArgs);
            return ForkedJvm.start(command, jvmDir, output, null, List.of());
        }
        Identities.Lease lease = identities.take();
        try {
            Path mount = Files.createDirectories(jvmDir.resolve("tmpfs"));
            Path hosts = Files.writeString(jvmDir.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost\n");
            for (Path path : List.of(jvmDir, mount, hosts)) {
                Permissions.own(path, lease.uid());
            }
            for (Path path : jail.writable()) {
                Permissions.ownAll(path, lease.uid());
            }
            return ForkedJvm.start(command(jail, mount, hosts, lease.uid(), javaArgs), jvmDir, output, lease, jail.writable());
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    private List<String> command(Jail jail, Path mount, Path hosts, int uid, List<String> javaArgs) {
        // unshare and the shell run as root, in a mount namespace of their own: the noexec tmpfs they mount is seen
        // by this JVM alone, and goes away with it. setpriv drops to the JVM's own id before bubblewrap starts.
        List<String> command = new ArrayList<>(List.of(tools.unshare(), "--mount", "--propagation", "private",
                tools.sh(), "-c", "mount -t tmpfs -o noexec,nosuid,nodev,size=" + TMP_BYTES + ",mode=0700,uid=\"$1\",gid=\"$1\" tmpfs \"$0\""
                        + " && mkdir \"$0/tmp\" \"$0/var-tmp\" \"$0/shm\" && chown \"$1:$1\" \"$0/tmp\" \"$0/var-tmp\" \"$0/shm\""
                        + " && shift && exec \"$@\"",
                mount.toString(), String.valueOf(uid),
                tools.setpriv(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
                tools.prlimit(), "--nproc=" + MAX_PROCESSES, "--",
                tools.bwrap(), "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
                "--clearenv", "--setenv", "HOME", "/tmp",
                // Without /proc the loader cannot find the JDK's libraries through $ORIGIN: name them.
                "--setenv", "LD_LIBRARY_PATH", jdk.home().resolve("lib") + ":" + jdk.home().resolve("lib/server"),
                // The private /tmp first: what is shown later at a path under /tmp (the grader's own scratch folder
                // is often there) must land on top of it, not under it.
                "--dev", "/dev",
                "--bind", mount.resolve("tmp").toString(), "/tmp",
                "--bind", mount.resolve("var-tmp").toString(), "/var/tmp",
                "--bind", mount.resolve("shm").toString(), "/dev/shm"));
        for (Path path : jdk.readOnly()) {
            command.addAll(List.of("--ro-bind", path.toString(), path.toString()));
        }
        for (Map.Entry<Path, String> link : jdk.symlinks().entrySet()) {
            Optional.ofNullable(link.getKey().getParent()).filter(parent -> parent.getParent() != null)
                    .ifPresent(parent -> command.addAll(List.of("--dir", parent.toString())));
            command.addAll(List.of("--symlink", link.getValue(), link.getKey().toString()));
        }
        for (Path path : jail.readOnly()) {
            command.addAll(List.of("--ro-bind", path.toString(), path.toString()));
        }
        for (Path path : jail.writable()) {
            command.addAll(List.of("--bind", path.toString(), path.toString()));
        }
        command.addAll(List.of("--ro-bind", hosts.toString(), "/etc/hosts",
                "--remount-ro", "/dev", "--remount-ro", "/", "--chdir", "/tmp",
                "--", java().toString(), "-Djava.io.tmpdir=/tmp", "-Duser.home=/tmp"));
        command.addAll(javaArgs);
        return command;
    }

    /** The programs isolation needs, by absolute path: the sandbox's environment has no PATH to search. */
    record Tools(String unshare, String sh, String setpriv, String prlimit, String bwrap) {

        static Optional<Tools> find() {
            List<String> found = new ArrayList<>();
            for (String tool : List.of("unshare", "sh", "setpriv", "prlimit", "bwrap")) {
                Optional<String> path = List.of("/usr/bin/", "/bin/").stream().map(dir -> dir + tool)
                        .filter(file -> Files.isExecutable(Path.of(file))).findFirst();
                if (path.isEmpty()) {
                    return Optional.empty();
                }
                found.add(path.get());
            }
            return Optional.of(new Tools(found.get(0), found.get(1), found.get(2), found.get(3), found.get(4)));
        }
    }

    private static Sandbox detect() {
        if (!"root".equals(System.getProperty("user.name")) || !System.getProperty("os.name").equals("Linux")) {
            return plain("The graded code ran as the grader's own user, with no sandbox: isolation needs the grader"
                    + " to run as root on Linux.");
        }
        Optional<Tools> tools = Tools.find();
        if (tools.isEmpty()) {
            return plain("The graded code ran with no sandbox: it needs bubblewrap (Debian's bubblewrap package) and"
                    + " util-linux's unshare, setpriv and prlimit.");
        }
        Sandbox candidate = new Sandbox(true, "", tools.get(), JdkFiles.ofThisJvm(), Identities.machineWide());
        return candidate.probe().map(why -> plain("The graded code ran with no sandbox: a JVM could not start in it ("
                + why + ").")).orElse(candidate);
    }

    /** Why a JVM cannot start in this sandbox, or empty when it can. */
    private Optional<String> probe() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("awaitlings-sandbox-probe-");
            Permissions.shareWithOthers(dir);
            OutputCap output = new OutputCap();
            try (ForkedJvm jvm = start(Jail.readOnly(List.of()), dir, List.of("-Xshare:auto", "-version"), output)) {
                if (!jvm.waitFor(30, TimeUnit.SECONDS)) {
                    return Optional.of("it did not start within 30 s");
                }
                return jvm.exitCode() == 0 ? Optional.empty()
                        : Optional.of("exit code " + jvm.exitCode() + ": " + output.text().strip().replaceAll("\\R+", " "));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } finally {
            if (dir != null) {
                try {
                    Folders.delete(dir);
                } catch (IOException ignored) {
                    // A leftover empty probe folder in the temporary folder is harmless.
                }
            }
        }
    }
}
