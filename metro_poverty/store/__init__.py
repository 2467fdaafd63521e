"""The store's life, above both the pipeline's steps and the intake's reading: the pointer store/CURRENT
(pointer), one writer at a time (lock), the build that runs every layer and swaps the pointer (build),
the OPD batches it replays after the seed data (batches), and the journal that makes a load or a
rollback whole after a crash (journal).

Layers, each importing only those below it (tests/test_layers.py checks it):
pipeline (reading and harmonizing files) <- intake's reading (steps, columns, checks, ...) <- store
<- intake's operations (previewer, worker, loader, cli) <- ui and the pages.
"""
