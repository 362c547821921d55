package awaitlings.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * Marks a check that calls {@link Interleavings#explore}: the grader runs it in a JVM of its own that loads the
 * explorer's agent, once it has found the learner's code of the exercise free of everything
 * {@link AsyncRules#PLAIN_JAVA_ONLY} forbids ({@link Interleavings#refusal}). Such a check may run for
 * {@value #SECONDS} s. The limit only guards against a hang the explorer does not find itself (it reports a deadlock
 * or a loop without end as a broken order), so it is wide: 12's check takes 8 s on an idle machine and ran past 30 s
 * on two cores shared by four graded JVMs. It is tagged
 * {@value #TAG}, which mutation testing leaves out: the explorer keeps the classes it followed by their names, so a
 * mutant swapped in under the same name is not the code it explores.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Timeout(ExploresInterleavings.SECONDS)
@Tag(ExploresInterleavings.TAG)
public @interface ExploresInterleavings {

    /** The time limit of such a check. */
    int SECONDS = 120;

    /** The JUnit tag of such a check. */
    String TAG = "explores-interleavings";
}
