package peregrine.ui.kanban.internal;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/**
 * Opens the job named by the {@value #JOB_ID} parameter in its own view ({@link JobPart}) beside the board: a new part
 * from the descriptor {@value JobPart#DESCRIPTOR_ID}, which the descriptor's category puts in the side part stack, or
 * the job's part if it is open already. One part per job.
 */
public class OpenJobHandler {

    /** The command's id in the application model. */
    public static final String COMMAND_ID = "peregrine.ui.kanban.command.openJob";
    /** The id of the command's parameter: the job's id, as decimal text. */
    public static final String JOB_ID = PushToCalendarHandler.JOB_ID;

    @Execute
    public void execute(@Named(JOB_ID) String jobId, EPartService parts) {
        String id;
        try {
            id = Long.toString(Long.parseLong(jobId.strip()));
        } catch (NumberFormatException notAnId) {
            return;
        }
        MPart part = parts.getParts().stream()
                .filter(p -> JobPart.DESCRIPTOR_ID.equals(p.getElementId()) && id.equals(p.getPersistedState().get(JobPart.JOB_ID)))
                .findFirst().orElseGet(() -> {
                    MPart created = parts.createPart(JobPart.DESCRIPTOR_ID);
                    created.getPersistedState().put(JobPart.JOB_ID, id);
                    return created;
                });
        parts.showPart(part, PartState.ACTIVATE);
    }
}
