package peregrine.jobs;

import java.util.Arrays;
import java.util.Optional;

/**
 * A job's stage, stored as Peregrine stores it in {@code jobs.status}.
 * <p>
 * Peregrine's flow is {@code pending → approved | rejected → applied}, then
 * {@code applied → phone_screen → interviewing → offer → hired}, or {@code rejected} from any stage.
 * This enum is the one place that knows each stage's database value, its label, the column that
 * records when a job entered it, and its successor on the board.
 */
public enum Stage {
    PENDING("pending", "Pending", null, "Interview"),
    APPROVED("approved", "Approved", null, "Interview"),
    APPLIED("applied", "Applied", null, "Interview"),
    SURVEY("survey", "Survey", "survey_at", "Interview"),
    PHONE_SCREEN("phone_screen", "Phone Screen", "phone_screen_at", "Phone Screen"),
    INTERVIEWING("interviewing", "Interviewing", "interviewing_at", "Interview"),
    OFFER("offer", "Offer", "offer_at", "Offer Review"),
    HIRED("hired", "Hired", "hired_at", "Interview"),
    REJECTED("rejected", "Rejected", null, "Interview");

    private final String dbValue;
    private final String label;
    private final String stampColumn;
    private final String eventLabel;

    Stage(String dbValue, String label, String stampColumn, String eventLabel) {
        this.dbValue = dbValue;
        this.label = label;
        this.stampColumn = stampColumn;
        this.eventLabel = eventLabel;
    }

    /** @return the value of {@code jobs.status} for this stage, e.g. {@code phone_screen} */
    public String dbValue() {
        return dbValue;
    }

    /** @return the stage's name as a user reads it, e.g. {@code Phone Screen} */
    public String label() {
        return label;
    }

    /**
     * @return the {@code jobs} column stamped with the local time ({@code YYYY-MM-DDTHH:MM}) when a
     *         job moves into this stage, if Peregrine keeps one for it
     */
    public Optional<String> stampColumn() {
        return Optional.ofNullable(stampColumn);
    }

    /** @return the label that opens a calendar event's title for an interview at this stage */
    public String eventLabel() {
        return eventLabel;
    }

    /** @return whether an interview date may be entered for a job at this stage */
    public boolean takesInterviewDate() {
        return this == PHONE_SCREEN || this == INTERVIEWING;
    }

    /** @return the stage that "advance" moves a job to, if the pipeline continues from here */
    public Optional<Stage> next() {
        return switch (this) {
            case PENDING -> Optional.of(APPROVED);
            case APPROVED -> Optional.of(APPLIED);
            case APPLIED, SURVEY -> Optional.of(PHONE_SCREEN);
            case PHONE_SCREEN -> Optional.of(INTERVIEWING);
            case INTERVIEWING -> Optional.of(OFFER);
            case OFFER -> Optional.of(HIRED);
            case HIRED, REJECTED -> Optional.empty();
        };
    }

    /** @return whether the Interviews board shows jobs at this stage */
    public boolean onBoard() {
        return this != PENDING && this != APPROVED;
    }

    /** The status Peregrine's web interface gives a job rejected at the interview: a rejection like any other. */
    public static final String INTERVIEW_REJECTED = "interview_rejected";

    /**
     * @param dbValue a {@code jobs.status} value
     * @return the stage it names ({@link #REJECTED} also for {@value #INTERVIEW_REJECTED}), or empty for a value
     *         this version does not know
     */
    public static Optional<Stage> fromDbValue(String dbValue) {
        if (INTERVIEW_REJECTED.equals(dbValue)) {
            return Optional.of(REJECTED);
        }
        return Arrays.stream(values()).filter(s -> s.dbValue.equals(dbValue)).findFirst();
    }

    /** @return every {@code jobs.status} value that names this stage: its {@link #dbValue()} and any alias */
    public java.util.List<String> dbValues() {
        return this == REJECTED ? java.util.List.of(dbValue, INTERVIEW_REJECTED) : java.util.List.of(dbValue);
    }
}
