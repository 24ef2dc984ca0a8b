// Scripted failures (Reply.fault): the error a fixture or custom responder asks for, as data.
import { BedrockError, isErrorName } from '../errors.js';
import type { Fault } from '../responder/types.js';

export function faultError(fault: Fault): BedrockError {
  const name = isErrorName(fault.name) ? fault.name : 'InternalServerException';
  return new BedrockError(name, fault.message, fault.fields ?? {});
}
