"""The transport bar: buttons and controls mirroring the playback controller, with the time readout."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QSlider, QStyle,
                               QToolButton, QWidget)

from inspector.audio.player import SPEED_MAX, SPEED_MIN, ChannelMode, PlayerState
from inspector.open_call.state import ReviewState
from inspector.ui.playback import SPEED_STEP, PlaybackController
from inspector.ui.waveform_items import format_time


class TransportBar(QWidget):
    def __init__(self, state: ReviewState, playback: PlaybackController, actions: dict[str, QAction],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.playback = playback
        self.buttons: dict[str, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        icons = {"back5": QStyle.SP_MediaSeekBackward, "back1": QStyle.SP_MediaSkipBackward,
                 "play": QStyle.SP_MediaPlay, "stop": QStyle.SP_MediaStop,
                 "forward1": QStyle.SP_MediaSkipForward, "forward5": QStyle.SP_MediaSeekForward}
        for key, icon in icons.items():
            actions[key].setIcon(self.style().standardIcon(icon))
            button = QToolButton(self)
            button.setDefaultAction(actions[key])
            button.setFocusPolicy(Qt.NoFocus)
            button.setToolButtonStyle(Qt.ToolButtonIconOnly)
            layout.addWidget(button)
            self.buttons[key] = button
        self.time_label = QLabel(self)
        self.time_label.setMinimumWidth(140)
        layout.addWidget(self.time_label)
        layout.addStretch(1)

        layout.addWidget(QLabel(self.tr("Speed"), self))
        self.speed = QDoubleSpinBox(self)
        self.speed.setRange(SPEED_MIN, SPEED_MAX)
        self.speed.setSingleStep(SPEED_STEP)
        self.speed.setDecimals(1)
        self.speed.setSuffix("×")
        self.speed.setValue(playback.player.speed)
        self.speed.setFocusPolicy(Qt.ClickFocus)
        layout.addWidget(self.speed)

        self.channels = QComboBox(self)
        for text, mode in ((self.tr("Both channels"), ChannelMode.BOTH),
                           (self.tr("Agent only"), ChannelMode.AGENT),
                           (self.tr("Customer only"), ChannelMode.CUSTOMER)):
            self.channels.addItem(text, mode)
        self.channels.setFocusPolicy(Qt.ClickFocus)
        layout.addWidget(self.channels)

        layout.addWidget(QLabel(self.tr("Volume"), self))
        self.volume = QSlider(Qt.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(int(playback.player.volume * 100))
        self.volume.setMinimumWidth(70)
        self.volume.setMaximumWidth(120)
        self.volume.setFocusPolicy(Qt.NoFocus)
        layout.addWidget(self.volume)
        self.loop_label = QLabel(self)
        layout.addWidget(self.loop_label)

        self.speed.valueChanged.connect(lambda value: playback.set_speed(value))
        self.channels.currentIndexChanged.connect(
            lambda _i: playback.set_channel_mode(self.channels.currentData()))
        self.volume.valueChanged.connect(lambda value: playback.set_volume(value / 100))
        playback.settings_changed.connect(self._sync)
        playback.state_changed.connect(self._state_changed)
        state.playhead_changed.connect(self._show_time)
        state.overview_changed.connect(lambda _o: self._show_time(state.playhead))
        self._show_time(0.0)
        self._sync()

    def _show_time(self, seconds: float) -> None:
        self.time_label.setText(f"{format_time(seconds)} / {format_time(self.state.duration_s)}")

    def _state_changed(self, player_state: PlayerState) -> None:
        playing = player_state is PlayerState.PLAYING
        action = self.buttons["play"].defaultAction()
        action.setText(self.tr("Pause") if playing else self.tr("Play"))
        action.setIcon(self.style().standardIcon(QStyle.SP_MediaPause if playing else QStyle.SP_MediaPlay))

    def _sync(self) -> None:
        player = self.playback.player
        self.speed.blockSignals(True)
        self.speed.setValue(player.speed)
        self.speed.blockSignals(False)
        self.channels.blockSignals(True)
        self.channels.setCurrentIndex(max(0, self.channels.findData(player.channel_mode)))
        self.channels.blockSignals(False)
        self.volume.blockSignals(True)
        self.volume.setValue(int(round(player.volume * 100)))
        self.volume.blockSignals(False)
        loop = player.loop
        self.loop_label.setText(
            self.tr("Loop %1–%2").replace("%1", format_time(loop.start_s)).replace("%2", format_time(loop.end_s))
            if loop else "")
