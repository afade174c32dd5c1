import numpy as np

from inspector.audio.overview import compute_overview, load_overview, save_overview
from inspector.audio.peaks import BASE_BLOCK, FACTOR, build_pyramid
from inspector.audio.recording import Recording


def test_base_level_is_min_max_per_block_with_partial_tail():
    row = np.arange(BASE_BLOCK * 2 + 3, dtype=np.int16) - 10
    pyramid = build_pyramid(np.stack([row, -row]), 8000)
    level = pyramid.levels[0]
    assert level.block == BASE_BLOCK
    assert level.mins[0].tolist() == [-10, BASE_BLOCK - 10, 2 * BASE_BLOCK - 10]
    assert level.maxs[0].tolist() == [BASE_BLOCK - 11, 2 * BASE_BLOCK - 11, 2 * BASE_BLOCK - 8]
    assert level.maxs[1].tolist() == [10, -(BASE_BLOCK - 10), -(2 * BASE_BLOCK - 10)]


def test_upper_levels_agree_with_direct_reduction():
    rng = np.random.default_rng(1)
    samples = rng.integers(-30000, 30000, size=(2, 8000 * 30), dtype=np.int16)
    pyramid = build_pyramid(samples, 8000)
    assert len(pyramid.levels) > 2
    for level in pyramid.levels[1:]:
        assert level.block == pyramid.levels[0].block * FACTOR ** pyramid.levels.index(level)
        for i in (0, 7, level.mins.shape[1] - 1):
            chunk = samples[1, i * level.block:(i + 1) * level.block]
            assert level.mins[1, i] == chunk.min()
            assert level.maxs[1, i] == chunk.max()


def test_level_choice_is_coarsest_not_wider_than_a_pixel():
    samples = np.zeros((1, 8000 * 60), dtype=np.int16)
    pyramid = build_pyramid(samples, 8000)
    assert pyramid.level_for(1).block == BASE_BLOCK
    assert pyramid.level_for(BASE_BLOCK * FACTOR + 1).block == BASE_BLOCK * FACTOR
    assert pyramid.level_for(10 ** 9).block == pyramid.levels[-1].block


def test_overview_cache_round_trip_and_damage(tmp_path):
    rng = np.random.default_rng(2)
    rec = Recording(tmp_path / "x.wav", 8000, rng.integers(-5000, 5000, size=(2, 80000), dtype=np.int16))
    overview = compute_overview(rec)
    cache = tmp_path / "peaks" / "abc.npz"
    save_overview(overview, cache)
    loaded = load_overview(cache)
    assert loaded is not None
    assert loaded.peaks.frames == 80000
    for a, b in zip(overview.peaks.levels, loaded.peaks.levels):
        assert np.array_equal(a.mins, b.mins) and np.array_equal(a.maxs, b.maxs)
    assert np.array_equal(loaded.activity.active, overview.activity.active)
    cache.write_bytes(cache.read_bytes()[:100])
    assert load_overview(cache) is None
    assert load_overview(tmp_path / "missing.npz") is None
