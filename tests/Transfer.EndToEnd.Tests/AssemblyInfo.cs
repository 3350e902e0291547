// The end-to-end collections each start a whole host (silo, API, background workers, torch training) on the same 2 cores;
// run them one after another so no collection's timing depends on another's load or process-wide settings.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
