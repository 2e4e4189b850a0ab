package peregrine.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.swt.graphics.Rectangle;
import org.junit.jupiter.api.Test;

class WindowBoundsTest {

    private static final Rectangle LEFT = new Rectangle(0, 0, 1920, 1080);
    private static final Rectangle LEFT_CLIENT_AREA = new Rectangle(0, 32, 1920, 1048);
    private static final Rectangle RIGHT = new Rectangle(1920, 0, 2560, 1440);

    @Test
    void aWindowOnTheSecondMonitorStaysThere() {
        WindowBounds onRight = new WindowBounds(2000, 100, 1600, 1000, false);

        assertEquals(onRight, onRight.fittedTo(new Rectangle[] { LEFT, RIGHT }, LEFT_CLIENT_AREA));
    }

    @Test
    void aWindowLeftOnAnUnpluggedMonitorMovesIntoThePrimaryClientArea() {
        // 1000 high from y=100 would end below the client area (32 + 1048): it moves up to 80
        WindowBounds onRight = new WindowBounds(2000, 100, 1600, 1000, true);

        assertEquals(new WindowBounds(320, 80, 1600, 1000, true),
                onRight.fittedTo(new Rectangle[] { LEFT }, LEFT_CLIENT_AREA));
    }

    @Test
    void aWindowAcrossTwoMonitorsIsPulledIntoThePrimaryOne() {
        WindowBounds across = new WindowBounds(1800, 0, 400, 300, false);

        assertEquals(new WindowBounds(1520, 32, 400, 300, false),
                across.fittedTo(new Rectangle[] { LEFT, RIGHT }, LEFT_CLIENT_AREA));
    }
}
