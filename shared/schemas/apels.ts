import { z } from "zod";
import { isoDate } from "./common";

export const ApelRecordInput = z.object({ date: isoDate });
export type ApelRecordInput = z.infer<typeof ApelRecordInput>;

/** The apel a deck shows: a replay of `per`, or the latest apel when left out. */
export const ApelDeckInput = z.object({ per: isoDate.optional() }).prefault({});
export type ApelDeckInput = z.input<typeof ApelDeckInput>;
