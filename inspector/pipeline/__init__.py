"""Every call checked at a centre's scale: recordings below a folder run through the per-call steps on a
Dask cluster (a LocalCluster on one machine, or any scheduler with workers that see the same files), the
results written as the files a workstation imports."""
