package awaitlings.grader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import awaitlings.grader.report.LayoutViolation;
import awaitlings.grader.sandbox.Sandbox;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The grader's layout is its pipeline: commands use the pipeline (and the packaging of the platforms' files), the
 * pipeline runs the stages in order (submission → compile → run → report), and a stage uses only the stages before
 * it, the result model and the file helpers. The export of the learners' copy stands beside the pipeline: no stage
 * uses it. The rules' sentences are their failure messages.
 */
@DisplayName("the grader's layout")
class LayoutTests {

    /** The grader's own classes, without its tests (one of which breaks the rules on purpose). */
    private static final JavaClasses GRADER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("awaitlings.grader");

    static final ArchRule STAGES_IN_PIPELINE_ORDER = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("commands").definedBy("awaitlings.grader.command..")
            .layer("learn").definedBy("awaitlings.grader.learn..")
            .layer("pipeline").definedBy("awaitlings.grader.pipeline..")
            .layer("packaging").definedBy("awaitlings.grader.packaging..")
            .layer("export").definedBy("awaitlings.grader.export..")
            .layer("submission").definedBy("awaitlings.grader.submission..")
            .layer("compile").definedBy("awaitlings.grader.compile..")
            .layer("run").definedBy("awaitlings.grader.run..")
            .layer("report").definedBy("awaitlings.grader.report..")
            .layer("sandbox").definedBy("awaitlings.grader.sandbox..")
            .layer("model").definedBy("awaitlings.grader.model..")
            .layer("files").definedBy("awaitlings.grader.files..")
            .whereLayer("commands").mayNotBeAccessedByAnyLayer()
            .whereLayer("learn").mayOnlyBeAccessedByLayers("commands")
            .whereLayer("pipeline").mayOnlyBeAccessedByLayers("commands", "learn")
            .whereLayer("packaging").mayOnlyBeAccessedByLayers("commands")
            .whereLayer("export").mayOnlyBeAccessedByLayers("commands", "pipeline")
            .whereLayer("submission").mayOnlyBeAccessedByLayers("pipeline", "compile")
            .whereLayer("compile").mayOnlyBeAccessedByLayers("pipeline", "run")
            .whereLayer("run").mayOnlyBeAccessedByLayers("pipeline")
            .whereLayer("report").mayOnlyBeAccessedByLayers("pipeline")
            .whereLayer("sandbox").mayOnlyBeAccessedByLayers("pipeline", "compile", "run")
            .whereLayer("files").mayOnlyBeAccessedByLayers("learn", "pipeline", "export", "submission", "compile", "run", "report", "sandbox")
            .as("Commands use the pipeline, the pipeline runs the stages, and each stage uses only the stages before it"
                    + " (submission, compile, run, report), the sandbox, the result model and the file helpers;"
                    + " only commands write the platforms' packages; the export, beside the pipeline, uses only the model"
                    + " and the file helpers; the learner's loop, beside the commands, rechecks through the pipeline");

    static final ArchRule NO_CYCLES = slices().matching("awaitlings.grader.(*)..").should().beFreeOfCycles()
            .as("No two packages of the grader depend on each other");

    static final ArchRule REPORTS_READ_THE_MODEL = classes().that().resideInAPackage("awaitlings.grader.report..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("awaitlings.grader.report..", "awaitlings.grader.model..",
                    "awaitlings.grader.files..", "java..", "javax..", "org.w3c.dom..", "com.fasterxml.jackson..")
            .as("Reports read only the result model");

    @Test
    @DisplayName("a report that reaches into the run stage breaks the rules, each failing with its own sentence")
    void rulesCatchAViolation() {
        JavaClasses violation = new ClassFileImporter().importClasses(LayoutViolation.class, Sandbox.class);

        assertThatThrownBy(() -> STAGES_IN_PIPELINE_ORDER.check(violation))
                .hasMessageContaining("Rule 'Commands use the pipeline, the pipeline runs the stages")
                .hasMessageContaining("LayoutViolation.sandboxed()");
        assertThatThrownBy(() -> REPORTS_READ_THE_MODEL.check(violation))
                .hasMessageContaining("Rule 'Reports read only the result model'")
                .hasMessageContaining("LayoutViolation.sandboxed()");
    }

    @Test
    @DisplayName("the stages depend on one another in pipeline order only")
    void stagesInPipelineOrder() {
        STAGES_IN_PIPELINE_ORDER.check(GRADER);
    }

    @Test
    @DisplayName("no two packages depend on each other")
    void noCycles() {
        NO_CYCLES.check(GRADER);
    }

    @Test
    @DisplayName("reports read only the result model")
    void reportsReadTheModel() {
        REPORTS_READ_THE_MODEL.check(GRADER);
    }
}
