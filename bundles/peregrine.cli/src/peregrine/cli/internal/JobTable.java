package peregrine.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import peregrine.jobs.Job;

/** Jobs as a table for people: id, stage, title, company, interview. */
final class JobTable {

    private static final String[] HEADINGS = { "ID", "STAGE", "TITLE", "COMPANY", "INTERVIEW" };
    /** The widest a column may grow; longer text is cut with an ellipsis. */
    private static final int[] MAX_WIDTHS = { 10, 14, 40, 28, 40 };

    private JobTable() {
    }

    static void print(List<Job> jobs, PrintStream out) {
        List<String[]> rows = new ArrayList<>(jobs.size() + 1);
        rows.add(HEADINGS);
        for (Job job : jobs) {
            rows.add(new String[] { Long.toString(job.id()), Jobs.stageLabel(job), job.title(), job.company(),
                    job.interview().map(InterviewCommands::describe).orElse("") });
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = cut(oneLine(row[i]), MAX_WIDTHS[i]);
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                int pad = widths[i] - row[i].codePointCount(0, row[i].length());
                if (i == 0) {
                    line.append(" ".repeat(pad)).append(row[i]);
                } else {
                    line.append("  ").append(row[i]).append(" ".repeat(pad));
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        out.print(text);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
