package awaitlings.harness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/**
 * Rules for intent that a run cannot see, checked with ArchUnit on the exercise's compiled classes (its tests left
 * out). Each rule is a sentence, and the sentence with the offending lines is what the learner reads. Method
 * references count as calls: {@code CompletableFuture::join} breaks {@link #NEVER_WAITS} as {@code f.join()} does.
 *
 * <pre>{@code AsyncRules.check(PriceComparison.class, AsyncRules.NEVER_WAITS);}</pre>
 */
public final class AsyncRules {

    /** No {@code join()} or {@code get()} on a future, and no sleeping. */
    public static final ArchRule NEVER_WAITS = rule(
            "no code of yours should wait: no join() or get() on a future, no Thread.sleep()",
            "a waiting thread is held hostage until an answer arrives; compose the next step onto the future instead",
            access -> isFutureMethod(access, "join", "get") || isSleep(access));

    /** No timers but the one handed in: no JDK timeouts, no sleeping. */
    public static final ArchRule USES_ONLY_THE_GIVEN_TIMER = rule(
            "no code of yours should keep time but the timer it was given: no orTimeout(), completeOnTimeout(),"
                    + " delayedExecutor() or Thread.sleep()",
            "those run on the JDK's own clock, which the checks cannot move; schedule on the timer: timer.schedule(...)",
            access -> isCompletableFutureMethod(access, "orTimeout", "completeOnTimeout", "delayedExecutor") || isSleep(access));

    /** No {@code *Async} step without an executor: it would run on the JVM's shared pool, not on the one handed in. */
    public static final ArchRule NO_DEFAULT_EXECUTOR = rule(
            "no code of yours should start an Async step without an executor (thenApplyAsync(fn), supplyAsync(task), ...)",
            "without one it runs on the JVM's common pool instead of the executor you were given; pass it as the last argument",
            AsyncRules::isAsyncWithoutExecutor);

    /** No polling of futures and no spinning. */
    public static final ArchRule NO_BUSY_WAITING = rule(
            "no code of yours should poll or spin: no isDone() on a future, no Thread.onSpinWait() or Thread.yield()",
            "a polling loop burns a core while it waits; wait on something that wakes you (a future, a queue, a latch)",
            access -> isFutureMethod(access, "isDone") || isThreadMethod(access, "onSpinWait", "yield"));

    /** No blocking {@code HttpClient.send}. */
    public static final ArchRule NO_BLOCKING_HTTP = rule(
            "no code of yours should send a request with the blocking HttpClient.send()",
            "send() holds the calling thread until the response is there; sendAsync() returns its future at once",
            access -> ownedBy(access, "java.net.http.HttpClient") && access.getName().equals("send"));

    /**
     * No reflection, class loading, method handles, processes, native code, thread groups or properties, and no
     * class outside {@code java.*} but the learner's own: the gate before code runs beside Lincheck's agent
     * ({@link Interleavings}), whose instrumentation such code could reach to forge its verdicts.
     */
    public static final ArchRule PLAIN_JAVA_ONLY = plainJavaOnly();

    private AsyncRules() {
    }

    /**
     * Checks the classes compiled beside {@code anchor} (the exercise's main classes, its tests left out) against
     * each rule.
     *
     * @throws AssertionError naming every rule broken and each line that breaks it
     */
    public static void check(Class<?> anchor, ArchRule... rules) {
        check(beside(anchor), rules);
    }

    /** The classes compiled into the folder {@code classes}, read without loading them. */
    static JavaClasses imported(Path classes) {
        return ArchConfiguration.withThreadLocalScope(config -> {
            config.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().importPath(classes);
        });
    }

    /** The classes compiled beside {@code anchor}, its tests left out. */
    static JavaClasses beside(Class<?> anchor) {
        URL classes = anchor.getProtectionDomain().getCodeSource().getLocation();
        // Only the exercise's own class files: resolving every JDK class behind each call takes seconds under load.
        return ArchConfiguration.withThreadLocalScope(config -> {
            config.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importUrl(classes);
        });
    }

    /** What {@link #check(Class, ArchRule...)} would say of {@code classes}, or empty when they follow every rule. */
    static Optional<String> violations(JavaClasses classes, ArchRule... rules) {
        try {
            check(classes, rules);
            return Optional.empty();
        } catch (AssertionError broken) {
            return Optional.of(broken.getMessage());
        }
    }

    static void check(JavaClasses classes, ArchRule... rules) {
        List<String> broken = new ArrayList<>();
        for (ArchRule rule : rules) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                broken.add(RuleMessages.brokenRule(rule.getDescription(), result.getFailureReport().getDetails()));
            }
        }
        if (!broken.isEmpty()) {
            throw new AssertionError(RuleMessages.shouldFollowRules(broken));
        }
    }

    private static ArchRule plainJavaOnly() {
        String sentence = "no code of yours should reach past the plain Java API: no reflection, class loading, method handles,"
                + " processes, native code, system properties or classes outside java.*";
        // A condition, not a predicate on accesses: it must know which classes are the learner's own.
        return classes().should(new PlainJava(sentence)).as(sentence)
                .because("the race checks run your code beside the tool that explores its interleavings, which such code"
                        + " could reach; a race is won with synchronized, a lock or an atomic class, none of which needs them");
    }

    private static ArchRule rule(String sentence, String reason, java.util.function.Predicate<JavaAccess<?>> forbidden) {
        return noClasses().should().accessTargetWhere(DescribedPredicate.describe(sentence, forbidden::test))
                .as(sentence).because(reason);
    }

    private static boolean isSleep(JavaAccess<?> access) {
        return isThreadMethod(access, "sleep") || ownedBy(access, "java.util.concurrent.TimeUnit") && access.getName().equals("sleep");
    }

    private static boolean isThreadMethod(JavaAccess<?> access, String... names) {
        return ownedBy(access, "java.lang.Thread") && Set.of(names).contains(access.getName());
    }

    private static boolean isCompletableFutureMethod(JavaAccess<?> access, String... names) {
        return ownedBy(access, "java.util.concurrent.CompletableFuture") && Set.of(names).contains(access.getName());
    }

    private static boolean isFutureMethod(JavaAccess<?> access, String... names) {
        return Set.of(names).contains(access.getName()) && isAssignableTo(access.getTargetOwner(), Future.class);
    }

    private static boolean isAsyncWithoutExecutor(JavaAccess<?> access) {
        if (!access.getName().endsWith("Async") || !isAssignableTo(access.getTargetOwner(), java.util.concurrent.CompletionStage.class)
                || !(access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target)) {
            return false;
        }
        return target.getRawParameterTypes().stream().noneMatch(type -> isAssignableTo(type, Executor.class));
    }

    private static boolean ownedBy(JavaAccess<?> access, String owner) {
        return access.getTargetOwner().getName().equals(owner);
    }

    /**
     * Whether {@code type} is a {@code supertype}, asked of the JVM: the JDK's classes are not imported (see
     * {@link #check(Class, ArchRule...)}), so ArchUnit alone does not know their supertypes.
     */
    private static boolean isAssignableTo(JavaClass type, Class<?> supertype) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return supertype.isAssignableFrom(Class.forName(type.getName(), false,
                    loader != null ? loader : AsyncRules.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError notLoadable) {
            return false;
        }
    }
}
