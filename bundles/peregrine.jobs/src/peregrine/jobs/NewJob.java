package peregrine.jobs;

import java.util.Objects;

/**
 * What a user gives to add a job by hand.
 *
 * @param title   the job title; not blank
 * @param company the company; not blank
 * @param url     the listing's address, or an empty string
 * @param stage   the stage the job starts at
 */
public record NewJob(String title, String company, String url, Stage stage) {

    public NewJob {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A job needs a title");
        }
        if (company == null || company.isBlank()) {
            throw new IllegalArgumentException("A job needs a company");
        }
        url = url == null ? "" : url.strip();
        Objects.requireNonNull(stage, "stage");
    }
}
