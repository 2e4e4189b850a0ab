package peregrine.app.internal;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.swt.graphics.Rectangle;
import org.osgi.service.prefs.Preferences;

/** A window's normal (not maximized) bounds in display coordinates, and whether it was maximized. */
record WindowBounds(int x, int y, int width, int height, boolean maximized) {

    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";

    /**
     * The bounds kept in {@code preferences}: empty when none were kept.
     *
     * @throws IllegalArgumentException naming the key and value when a kept value is not a number, not a
     *         size, or a maximized flag other than true or false
     */
    static Optional<WindowBounds> read(Preferences preferences) {
        if (preferences.get(WIDTH, null) == null) {
            return Optional.empty();
        }
        String maximized = preferences.get(MAXIMIZED, "false");
        if (!maximized.equals("true") && !maximized.equals("false")) {
            throw new IllegalArgumentException(MAXIMIZED + "=" + maximized + " is neither true nor false");
        }
        int width = number(preferences, WIDTH);
        int height = number(preferences, HEIGHT);
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(WIDTH + "=" + width + ", " + HEIGHT + "=" + height + " is not a size");
        }
        return Optional.of(new WindowBounds(number(preferences, X), number(preferences, Y), width, height,
                Boolean.parseBoolean(maximized)));
    }

    private static int number(Preferences preferences, String key) {
        String value = preferences.get(key, null);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a whole number", e);
        }
    }

    void write(Preferences preferences) {
        preferences.putInt(X, x);
        preferences.putInt(Y, y);
        preferences.putInt(WIDTH, width);
        preferences.putInt(HEIGHT, height);
        preferences.putBoolean(MAXIMIZED, maximized);
    }

    /**
     * These bounds when they lie on one of {@code monitors} (each a monitor's bounds), else moved and, if need be,
     * shrunk into {@code primaryClientArea}: a monitor unplugged since must not leave the window off-screen.
     */
    WindowBounds fittedTo(Rectangle[] monitors, Rectangle primaryClientArea) {
        Rectangle bounds = new Rectangle(x, y, width, height);
        if (Arrays.stream(monitors).anyMatch(monitor -> monitor.union(bounds).equals(monitor))) {
            return this;
        }
        Rectangle area = primaryClientArea;
        int fittedWidth = Math.min(width, area.width);
        int fittedHeight = Math.min(height, area.height);
        return new WindowBounds(clamp(x, area.x, area.x + area.width - fittedWidth),
                clamp(y, area.y, area.y + area.height - fittedHeight), fittedWidth, fittedHeight, maximized);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(value, max));
    }
}
