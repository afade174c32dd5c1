import numpy as np
import pytest
import soundfile as sf

from inspector.audio.errors import AudioError
from inspector.audio.recording import decode, probe
from tests.audio_files import tone, write_call, write_stereo
from tests.conftest import DEMO


def test_demo_call_decodes_to_contiguous_channels():
    rec = decode(DEMO / "S1.flac")
    assert rec.sample_rate == 8000
    assert rec.channels == 2
    assert rec.samples.dtype == np.int16
    assert all(rec.samples[i].flags["C_CONTIGUOUS"] for i in range(2))
    assert 75 < rec.duration_s < 90


def test_left_channel_is_agent_right_is_customer(tmp_path):
    path = write_stereo(tmp_path / "c.wav", tone(0.5, amplitude=0.5), np.zeros(4000, np.float32))
    rec = decode(path)
    assert np.abs(rec.samples[0]).max() > 15000
    assert np.abs(rec.samples[1]).max() == 0


@pytest.mark.parametrize("subtype,fmt", [("ALAW", "WAV"), ("ULAW", "WAV"), ("PCM_16", "FLAC"),
                                         ("VORBIS", "OGG"), ("MPEG_LAYER_III", "MP3")])
def test_telephone_and_compressed_formats(tmp_path, subtype, fmt):
    path = write_call(tmp_path / f"call.{fmt.lower()}", 1.0, subtype=subtype, format=fmt)
    rec = decode(path)
    assert rec.channels == 2
    assert rec.duration_s == pytest.approx(1.0, abs=0.1)


def test_mono_recording_is_one_channel(tmp_path):
    path = tmp_path / "mono.wav"
    sf.write(path, tone(1.0), 8000)
    assert decode(path).channels == 1


def test_wrong_extension_is_read_by_content(tmp_path):
    path = write_call(tmp_path / "actually_flac.wav", 0.5, format="FLAC")
    assert decode(path).channels == 2


@pytest.mark.parametrize("name,content,problem", [
    ("empty.wav", b"", "empty"),
    ("corrupt.wav", b"RIFF\x00\x00garbage" * 50, "not a readable audio file"),
    ("notes.mp3", "这不是音频".encode() * 20, "not a readable audio file"),
])
def test_bad_files_name_the_file_and_the_problem(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AudioError) as err:
        decode(path)
    assert str(path) in str(err.value)
    assert problem in str(err.value)


def test_zero_length_recording(tmp_path):
    path = tmp_path / "zero.wav"
    sf.write(path, np.zeros((0, 2), np.float32), 8000)
    with pytest.raises(AudioError, match="no samples"):
        probe(path)


def test_huge_sample_rate_is_refused(tmp_path):
    path = tmp_path / "huge.wav"
    sf.write(path, np.zeros((1000, 2), np.float32), 384000)
    with pytest.raises(AudioError, match="384000 Hz is above"):
        decode(path)


def test_more_than_two_channels_is_refused(tmp_path):
    path = tmp_path / "surround.wav"
    sf.write(path, np.zeros((800, 4), np.float32), 8000)
    with pytest.raises(AudioError, match="4 channels"):
        decode(path)


def test_truncated_data_is_reported_or_decoded_short(tmp_path):
    """A file cut mid-write must never crash the app: it decodes what is there or says it is damaged."""
    path = write_call(tmp_path / "cut.wav", 2.0)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 1])
    try:
        rec = decode(path)
    except AudioError as exc:
        assert str(path) in str(exc)
    else:
        assert 0.9 < rec.duration_s < 1.1
