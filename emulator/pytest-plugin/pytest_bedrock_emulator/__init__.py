"""pytest fixtures for bedrock-emulator: see plugin.py and the project's README ("pytest")."""
from .emulator import BedrockEmulator, EmulatorError, find_command

__all__ = ["BedrockEmulator", "EmulatorError", "find_command"]
