// Matchup art as an SVG document: two teams side by side on their colours (a logo on a white disc, or the
// abbreviation on the colour when there is no logo), the league and the start below; or, for an event without
// two teams (a UFC card, a Grand Prix, a golf round), its title. Pure: the same spec, the same text.
import { escapeXmlText } from '../xmltv/escape.js';
import { colourDistance, colourFromName, textOn } from './colour.js';

export const ART_WIDTH = 960;
export const ART_HEIGHT = 540;
/** The widths `?w=` may ask for; 16:9 each. */
export const ART_WIDTHS = [320, 480, 640, 960, 1280, 1920] as const;
export type ArtWidth = (typeof ART_WIDTHS)[number];
/** The font the renderer is given (bundled, so the same spec gives the same pixels on every machine). */
export const ART_FONT_FAMILY = 'DejaVu Sans';

export interface ArtTeam {
  name: string;
  abbreviation: string;
  /** `rrggbb` */
  colour: string;
  alternateColour: string | null;
  /** The logo as a data URI, and a hash of its bytes (what the spec's identity uses instead of the bytes). */
  logo: { dataUri: string; hash: string } | null;
}

export interface ArtSpec {
  /** The league's label (`NBA`). */
  league: string;
  /** The start as the viewer's clock reads it (`Tue, Dec 1 · 7:30 PM EST`). */
  start: string;
  /** Left and right, in the order the sport writes them (`away @ home`, `home v away`), or null for a card. */
  teams: { left: ArtTeam; right: ArtTeam; joiner: string } | null;
  /** The event's title, shown on a card. */
  title: string;
}

/** What identifies the image: the spec without the logos' bytes. */
export function artIdentity(spec: ArtSpec): string {
  const team = (t: ArtTeam) => ({ ...t, logo: t.logo?.hash ?? null });
  return JSON.stringify({
    ...spec,
    teams: spec.teams && { ...spec.teams, left: team(spec.teams.left), right: team(spec.teams.right) },
  });
}

/** Text cut to `max` characters with an ellipsis. */
function clip(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** A bold font size that fits `text` in `width` pixels (DejaVu Sans Bold averages ~0.68 em a character). */
function fit(text: string, width: number, max: number): number {
  return Math.max(12, Math.min(max, Math.floor(width / (0.68 * Math.max(1, [...text].length)))));
}

/** Words in balanced lines of at most `max` characters, at most `lines` of them, the last clipped. */
function wrap(text: string, longest: number, lines: number): string[] {
  const length = [...text.trim()].length;
  const needed = Math.min(lines, Math.ceil(length / longest));
  const max = Math.min(longest, Math.ceil(length / needed) + 4);
  const out: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if ([...next].length <= max || line === '') line = next;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  if (out.length <= lines) return out.map((l) => clip(l, longest));
  const kept = out.slice(0, lines);
  kept[lines - 1] = clip(`${kept[lines - 1]} ${out.slice(lines).join(' ')}`, longest);
  return kept;
}

function text(
  x: number,
  y: number,
  size: number,
  fill: string,
  body: string,
  anchor = 'middle',
  bold = true,
) {
  return (
    `<text x="${x}" y="${y}" font-family="${ART_FONT_FAMILY}"${bold ? ' font-weight="bold"' : ''} ` +
    `font-size="${size}" fill="#${fill}" text-anchor="${anchor}">${escapeXmlText(body)}</text>`
  );
}

function side(team: ArtTeam, cx: number, id: string): string {
  const ink = textOn(team.colour);
  const parts: string[] = [];
  if (team.logo) {
    parts.push(
      `<circle cx="${cx}" cy="210" r="128" fill="#ffffff"/>`,
      `<clipPath id="${id}"><circle cx="${cx}" cy="210" r="112"/></clipPath>`,
      `<image href="${team.logo.dataUri}" x="${cx - 92}" y="118" width="184" height="184" ` +
        `preserveAspectRatio="xMidYMid meet" clip-path="url(#${id})"/>`,
    );
  } else {
    const abbreviation = clip(team.abbreviation.toUpperCase(), 5);
    parts.push(
      `<circle cx="${cx}" cy="210" r="128" fill="#${ink}" fill-opacity="0.14"/>`,
      text(cx, 210 + fit(abbreviation, 220, 104) * 0.36, fit(abbreviation, 220, 104), ink, abbreviation),
    );
  }
  const name = clip(team.name, 22);
  parts.push(text(cx, 400, fit(name, 420, 42), ink, name));
  return parts.join('');
}

function bottomBar(spec: ArtSpec): string {
  const league = clip(spec.league, 18);
  return (
    `<rect y="446" width="${ART_WIDTH}" height="94" fill="#000000" fill-opacity="0.55"/>` +
    text(36, 506, fit(league, 300, 38), 'ffffff', league, 'start') +
    text(ART_WIDTH - 36, 504, fit(spec.start, 560, 32), 'ffffff', spec.start, 'end', false)
  );
}

/** The right team's colour, or its alternate (or a darker shade) when both teams would look alike. */
function distinct(left: ArtTeam, right: ArtTeam): string {
  if (colourDistance(left.colour, right.colour) >= 60) return right.colour;
  if (right.alternateColour && colourDistance(left.colour, right.alternateColour) >= 60) {
    return right.alternateColour;
  }
  return colourFromName(`${right.name} alternate`);
}

/** The SVG document of a spec, ART_WIDTH x ART_HEIGHT. */
export function matchupSvg(spec: ArtSpec): string {
  const open =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${ART_WIDTH}" height="${ART_HEIGHT}" ` +
    `viewBox="0 0 ${ART_WIDTH} ${ART_HEIGHT}">`;
  if (!spec.teams) {
    const colour = colourFromName(spec.league);
    const ink = textOn(colour);
    const lines = wrap(spec.title, 24, 3);
    const size = Math.min(...lines.map((l) => fit(l, 860, 64)));
    const top = 225 - ((lines.length - 1) * size * 1.2) / 2 + size * 0.36;
    return (
      open +
      `<rect width="${ART_WIDTH}" height="${ART_HEIGHT}" fill="#${colour}"/>` +
      `<rect width="${ART_WIDTH}" height="${ART_HEIGHT}" fill="#000000" fill-opacity="0.12"/>` +
      lines.map((l, i) => text(ART_WIDTH / 2, Math.round(top + i * size * 1.2), size, ink, l)).join('') +
      bottomBar(spec) +
      '</svg>'
    );
  }
  const { left, joiner } = spec.teams;
  const right = { ...spec.teams.right, colour: distinct(left, spec.teams.right) };
  return (
    open +
    `<rect width="${ART_WIDTH}" height="${ART_HEIGHT}" fill="#${right.colour}"/>` +
    `<polygon points="0,0 520,0 440,${ART_HEIGHT} 0,${ART_HEIGHT}" fill="#${left.colour}"/>` +
    side(left, 240, 'l') +
    side(right, 720, 'r') +
    `<circle cx="480" cy="210" r="46" fill="#111111" fill-opacity="0.85"/>` +
    text(480, 210 + 13, joiner.length > 1 ? 34 : 40, 'ffffff', joiner) +
    bottomBar(spec) +
    '</svg>'
  );
}
