import { describe, expect, it } from 'vitest';
import { personAliases } from '../../../src/domain/matching/index.js';

describe('the names an athlete goes by', () => {
  it('are the full name, the surname and the initial with the surname', () => {
    expect(personAliases('Jannik Sinner')).toEqual(['jannik sinner', 'sinner', 'j sinner']);
  });

  it('keep the particles of a surname with it', () => {
    expect(personAliases('Juan Martin del Potro')).toContain('del potro');
    expect(personAliases('Botic van de Zandschulp')).toContain('van de zandschulp');
  });

  it('name a doubles pair by both surnames and each player', () => {
    const pair = personAliases('Sara Errani / Andrea Vavassori');
    expect(pair).toContain('errani vavassori');
    expect(pair).toContain('sara errani');
  });

  it('leave a single name as it is', () => {
    expect(personAliases('Shevchenko')).toEqual(['shevchenko']);
  });
});
