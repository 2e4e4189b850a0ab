package peregrine.jobs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sections of the Interviews board and the stages each one holds, in board order.
 * A job dropped on a section moves to the section's {@link #dropStage()}.
 */
public enum BoardColumn {
    /** Applied and survey jobs: the list before the pipeline. */
    PRE_PIPELINE("Applied", List.of(Stage.APPLIED, Stage.SURVEY)),
    PHONE_SCREEN("Phone Screen", List.of(Stage.PHONE_SCREEN)),
    INTERVIEWING("Interviewing", List.of(Stage.INTERVIEWING)),
    /** Hired cards sit in the offer column. */
    OFFER_HIRED("Offer / Hired", List.of(Stage.OFFER, Stage.HIRED)),
    /** Shown collapsed, with its count. */
    REJECTED("Rejected", List.of(Stage.REJECTED));

    private final String label;
    private final List<Stage> stages;

    BoardColumn(String label, List<Stage> stages) {
        this.label = label;
        this.stages = stages;
    }

    /** @return the section's heading */
    public String label() {
        return label;
    }

    /** @return the stages whose jobs this section shows */
    public List<Stage> stages() {
        return stages;
    }

    /** @return the stage a job takes when it is dropped on this section */
    public Stage dropStage() {
        return stages.get(0);
    }

    /** @return the section that shows jobs at {@code stage}, or empty if the board does not show it */
    public static Optional<BoardColumn> of(Stage stage) {
        return Arrays.stream(values()).filter(c -> c.stages.contains(stage)).findFirst();
    }
}
