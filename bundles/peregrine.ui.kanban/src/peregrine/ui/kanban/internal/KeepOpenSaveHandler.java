package peregrine.ui.kanban.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.ISaveHandler;

/**
 * A window's save handler that keeps a changed part open when its save did not go through. e4 closes a changed part
 * (its tab's close, or the window's) once the user answered "Yes" and the part's {@code @Persist} returned, whatever
 * became of the save; a part still dirty then has refused (a field the store would not take, a file it could not
 * write), so the close is vetoed and the part brought to the front with its edits, marked where they are wrong. The
 * window's own handler still asks the question and runs {@code @Persist}: a part's {@code @Persist} must end its save
 * before it returns, as {@link JobPart#persist()} does.
 */
final class KeepOpenSaveHandler implements ISaveHandler {

    private final ISaveHandler window;
    private final IEclipseContext windowContext;

    private KeepOpenSaveHandler(ISaveHandler window, IEclipseContext windowContext) {
        this.window = window;
        this.windowContext = windowContext;
    }

    /**
     * Wraps the save handler the window's renderer put in {@code windowContext}, once; the window's part service takes
     * the new one at once. Without a save handler nothing asks, and nothing is changed.
     */
    static void install(IEclipseContext windowContext) {
        ISaveHandler current = windowContext.getLocal(ISaveHandler.class);
        if (current != null && !(current instanceof KeepOpenSaveHandler)) {
            windowContext.set(ISaveHandler.class, new KeepOpenSaveHandler(current, windowContext));
        }
    }

    @Override
    public boolean save(MPart dirtyPart, boolean confirm) {
        if (confirm) {
            switch (window.promptToSave(dirtyPart)) {
                case NO -> {
                    return true;
                }
                case CANCEL -> {
                    return false;
                }
                case YES -> {
                    // saved below
                }
            }
        }
        return window.save(dirtyPart, false) && savedOrKept(dirtyPart);
    }

    @Override
    public boolean saveParts(Collection<MPart> dirtyParts, boolean confirm) {
        List<MPart> parts = List.copyOf(dirtyParts);
        Save[] decisions = new Save[parts.size()];
        Arrays.fill(decisions, Save.YES);
        if (confirm) {
            decisions = window.promptToSave(parts);
        }
        if (Arrays.asList(decisions).contains(Save.CANCEL)) {
            return false;
        }
        for (int i = 0; i < decisions.length; i++) {
            if (decisions[i] == Save.YES && !save(parts.get(i), false)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Save promptToSave(MPart dirtyPart) {
        return window.promptToSave(dirtyPart);
    }

    @Override
    public Save[] promptToSave(Collection<MPart> dirtyParts) {
        return window.promptToSave(dirtyParts);
    }

    /** @return whether {@code part} was saved; one that was not is brought to the front, where it says why */
    private boolean savedOrKept(MPart part) {
        if (!part.isDirty()) {
            return true;
        }
        EPartService parts = windowContext.get(EPartService.class);
        if (parts != null) {
            parts.activate(part);
        }
        return false;
    }
}
