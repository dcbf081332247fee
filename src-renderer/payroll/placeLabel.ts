// A village or township on the payroll screens and print: its name, or "未知村（code）" /
// "Unknown village (code)" when nothing names it (never a bare code).
import type { TFunction } from 'i18next';
import { unknownPlaceKey, type PlaceName } from '../../shared/payroll/contract';

export type PlaceLabel = (code: string, name: PlaceName) => string;

export const placeLabelOf =
  (t: TFunction): PlaceLabel =>
  (code, name) =>
    name ?? t(unknownPlaceKey(code), { code });
