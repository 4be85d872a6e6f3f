// The mention rule lives in common/ so the server applies the very same one (PROTOCOL §12).
export { mentions } from '../../common/mentions';
