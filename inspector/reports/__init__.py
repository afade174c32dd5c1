"""Reports: what leads bring to the weekly quality meeting, computed once from the submitted evaluations and
drawn by the Reports window, the headquarters dashboard and the HTML/XLSX/CSV exports alike."""
