package awaitlings.grader.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LearnerText")
class LearnerTextTests {

    @Test
    @DisplayName("an instructor-only block goes, markers and all, indented or not, and leaves one blank line where it was")
    void blocksGo() {
        String text = "keep\n\n<!-- instructor-only -->\nsecret\n<!-- /instructor-only -->\n\nkeep too\n"
                + "   <!-- instructor-only -->\n   indented secret\n   <!-- /instructor-only -->\nlast\n";

        assertThat(LearnerText.withoutInstructorBlocks(text, "README.md")).isEqualTo("keep\n\nkeep too\nlast\n");
    }

    @Test
    @DisplayName("a block left open, or closed without an open, fails naming the file and the line")
    void brokenBlocksFail() {
        assertThatThrownBy(() -> LearnerText.withoutInstructorBlocks("a\n<!-- instructor-only -->\nb\n", "pom.xml"))
                .isInstanceOf(IllegalStateException.class).hasMessage("pom.xml: the instructor-only block of line 2 is never closed");
        assertThatThrownBy(() -> LearnerText.withoutInstructorBlocks("a\n<!-- /instructor-only -->\n", "pom.xml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pom.xml: line 2 closes an instructor-only block that was never opened");
    }

    @Test
    @DisplayName("the README's instructor and contributor sections go up to the next ## heading; a ## line in code stays")
    void sectionsGo() {
        String readme = "# course\n\n## For learners\nrun it\n\n## For instructors\ngrade\n### Security\nsafe\n\n"
                + "## From asyncio\n```\n## For contributors\n```\n\n## For contributors\nbuild\n";

        assertThat(LearnerText.readme(readme, "README.md"))
                .isEqualTo("# course\n\n## For learners\nrun it\n\n## From asyncio\n```\n## For contributors\n```\n");
    }

    @Test
    @DisplayName("a README without a section to leave out fails: a renamed heading must not ship what it holds")
    void missingSectionFails() {
        assertThatThrownBy(() -> LearnerText.readme("# course\n\n## For instructors\ngrade\n", "README.md"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("README.md has no section '## For contributors' to leave out of the learners' copy");
    }
}
