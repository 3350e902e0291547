// One host and one browser for the whole project, and the tests one after another: each starts a training job on the
// same 2 cores, and a page's live updates should not wait behind another test's job.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
