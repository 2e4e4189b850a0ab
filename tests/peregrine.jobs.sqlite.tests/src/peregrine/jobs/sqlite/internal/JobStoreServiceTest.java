package peregrine.jobs.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import peregrine.jobs.JobStore;
import peregrine.settings.WorkbenchSettings;

class JobStoreServiceTest {

    @Test
    void declarativeServicesRegistersAStoreOnTheDatabaseTheSettingsName() throws Exception {
        var context = FrameworkUtil.getBundle(JobStoreServiceTest.class).getBundleContext();
        var stores = new ServiceTracker<JobStore, JobStore>(context, JobStore.class, null);
        var settings = new ServiceTracker<WorkbenchSettings, WorkbenchSettings>(context, WorkbenchSettings.class, null);
        stores.open();
        settings.open();
        try {
            JobStore store = stores.waitForService(10_000);
            assertNotNull(store, "no JobStore service");
            // location() touches no file: the user's real database is not opened by this test
            assertEquals(settings.waitForService(10_000).databaseFile(), store.location());
        } finally {
            stores.close();
            settings.close();
        }
    }
}
