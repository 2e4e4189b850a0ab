package peregrine.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.stream.StreamSupport;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.e4.ui.model.application.commands.MCommandParameter;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;

/** The product's Application.e4xmi, as EMF loads it: what the parts, commands and handlers are wired to. */
class ApplicationModelTest {

    @Test
    void aJobOpensByTheOpenJobCommandInAClosableDirtyablePartOfItsOwnInTheSideStack() throws IOException {
        MApplication application = WindowBoundsAddonTest.loadModel();

        MPartDescriptor job = application.getDescriptors().stream()
                .filter(d -> d.getElementId().equals("peregrine.ui.kanban.partdescriptor.job")).findFirst().orElseThrow();
        assertTrue(job.isAllowMultiple(), "one part per job, several jobs");
        assertTrue(job.isCloseable());
        assertTrue(job.isDirtyable(), "closing a changed part asks to save it");
        assertEquals("bundleclass://peregrine.ui.kanban/peregrine.ui.kanban.internal.JobPart", job.getContributionURI());
        // The part service adds a part of a descriptor with a category to the stack tagged with that category.
        List<MPartStack> stacks = StreamSupport.stream(((Iterable<EObject>) () -> ((EObject) application).eAllContents())
                .spliterator(), false).filter(MPartStack.class::isInstance).map(MPartStack.class::cast)
                .filter(stack -> stack.getTags().contains(job.getCategory())).toList();
        assertEquals(List.of("peregrine.app.partstack.side"), stacks.stream().map(MPartStack::getElementId).toList());

        MCommand open = application.getCommands().stream()
                .filter(c -> c.getElementId().equals("peregrine.ui.kanban.command.openJob")).findFirst().orElseThrow();
        MCommandParameter jobId = open.getParameters().stream().findFirst().orElseThrow();
        assertEquals("peregrine.ui.kanban.commandparameter.jobId", jobId.getElementId());
        assertFalse(jobId.isOptional());
        assertTrue(application.getHandlers().stream().anyMatch(h -> h.getCommand() == open && h.getContributionURI()
                .equals("bundleclass://peregrine.ui.kanban/peregrine.ui.kanban.internal.OpenJobHandler")));
    }
}
