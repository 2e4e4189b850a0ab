package peregrine.jobs;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the job's own view saves, all at once: {@link JobStore#edit(long, JobEdit)} writes every field in one
 * transaction. Texts are stripped; {@link #problems()} says which fields may not be saved as they are.
 *
 * @param title     the job title; not blank
 * @param company   the company; not blank
 * @param url       the listing's address: empty, or an absolute {@code http} or {@code https} URL
 * @param location  where the job is; may be empty
 * @param salary    the salary as the user writes it; may be empty
 * @param notes     the user's notes; may be empty, may span lines
 * @param interview the interview slot, or empty to clear the date
 */
public record JobEdit(String title, String company, String url, String location, String salary, String notes,
        Optional<InterviewSlot> interview) {

    /** A field of the edit, for marking where a problem is. */
    public enum Field {
        TITLE, COMPANY, URL, LOCATION, SALARY, NOTES, INTERVIEW
    }

    public JobEdit {
        title = strip(title);
        company = strip(company);
        url = strip(url);
        location = strip(location);
        salary = strip(salary);
        notes = notes == null ? "" : notes.stripTrailing();
        Objects.requireNonNull(interview, "interview");
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /**
     * @return for each field that may not be saved as it is, a sentence for the user saying why; empty when the edit
     *         may be saved
     */
    public Map<Field, String> problems() {
        Map<Field, String> problems = new EnumMap<>(Field.class);
        if (title.isEmpty()) {
            problems.put(Field.TITLE, "A job needs a title.");
        }
        if (company.isEmpty()) {
            problems.put(Field.COMPANY, "A job needs a company.");
        }
        if (!url.isEmpty()) {
            ListingUrl.problem(url).ifPresent(problem -> problems.put(Field.URL, problem));
        }
        return problems;
    }
}
