package peregrine.ui.kanban.internal;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.swt.graphics.Image;

/**
 * The board's own icons, shipped in the bundle's {@code icons} folder (drawn by
 * {@code releng/scripts/draw-calendar-icons.py}) rather than emoji, which render as a box wherever no emoji
 * font is installed. Each image is made once and shared through JFace's image registry, which disposes it
 * with the display.
 */
final class BoardIcons {

    static final String CALENDAR_ADD = "icons/calendar-add.png";
    static final String CALENDAR_UPDATE = "icons/calendar-update.png";

    private BoardIcons() {
    }

    /** @return the icon at {@code path} in this bundle; JFace's "missing image" square if the bundle lacks it */
    static Image get(String path) {
        ImageRegistry registry = JFaceResources.getImageRegistry();
        String key = BoardIcons.class.getName() + ":" + path;
        if (registry.getDescriptor(key) == null) {
            registry.put(key, ResourceLocator.imageDescriptorFromBundle(BoardIcons.class, path)
                    .orElseGet(ImageDescriptor::getMissingImageDescriptor));
        }
        return registry.get(key);
    }
}
