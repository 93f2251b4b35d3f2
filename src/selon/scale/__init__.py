"""Ingest beyond one machine: analysis on a Dask cluster into Parquet partitions, then `selon load`."""
