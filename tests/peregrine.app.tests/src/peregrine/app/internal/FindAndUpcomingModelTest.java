package peregrine.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MHandler;
import org.eclipse.e4.ui.model.application.commands.MKeyBinding;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;

/** The board's find command and the upcoming interviews, as the product's application model declares them. */
class FindAndUpcomingModelTest {

    private static final String KANBAN = "bundleclass://peregrine.ui.kanban/peregrine.ui.kanban.internal.";

    @Test
    void ctrlFRunsTheBoardsFindCommandWhoseHandlerFocusesTheSearchField() throws Exception {
        MApplication application = WindowBoundsAddonTest.loadModel();
        List<MKeyBinding> bindings = application.getBindingTables().stream().flatMap(table -> table.getBindings().stream())
                .filter(binding -> binding.getCommand().getElementId().equals("peregrine.ui.kanban.command.find")).toList();
        assertEquals(List.of("M1+F"), bindings.stream().map(MKeyBinding::getKeySequence).toList());
        assertEquals(List.of(KANBAN + "FindHandler"), application.getHandlers().stream()
                .filter(handler -> handler.getCommand().getElementId().equals("peregrine.ui.kanban.command.find"))
                .map(MHandler::getContributionURI).toList());
        assertEquals(1, application.getBindingTables().stream().flatMap(table -> table.getBindings().stream())
                .filter(binding -> binding.getKeySequence().equals("M1+F")).count(), "Ctrl+F means one thing");
    }

    @Test
    void theUpcomingInterviewsSitInTheSideStackAndRefreshThemselvesOnF5() throws Exception {
        MApplication application = WindowBoundsAddonTest.loadModel();
        MPartStack side = StreamSupport.stream(Spliterators.spliteratorUnknownSize(((EObject) application).eAllContents(), 0), false)
                .filter(MPartStack.class::isInstance).map(MPartStack.class::cast)
                .filter(stack -> "peregrine.app.partstack.side".equals(stack.getElementId())).findFirst().orElseThrow();
        MPart upcoming = side.getChildren().stream().filter(MPart.class::isInstance).map(MPart.class::cast)
                .filter(part -> part.getElementId().equals("peregrine.ui.kanban.part.upcoming")).findFirst().orElseThrow();
        assertEquals("Upcoming Interviews", upcoming.getLabel());
        assertEquals(KANBAN + "UpcomingPart", upcoming.getContributionURI());
        assertEquals(List.of(KANBAN + "UpcomingRefreshHandler"), upcoming.getHandlers().stream()
                .filter(handler -> handler.getCommand().getElementId().equals("peregrine.ui.kanban.command.refresh"))
                .map(MHandler::getContributionURI).toList());
    }
}
