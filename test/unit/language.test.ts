import * as assert from 'assert';
import { languageOf } from '../../src/core/language';

describe('language of a text (by its commonest words)', () => {
  const of = (text: string) => languageOf(text, 0, text.length);

  it('tells Spanish, Italian, French and Romanian apart, though all write `la`', () => {
    assert.strictEqual(of('La compañía inauguró hoy su nueva planta en Toledo. Es un gran día para la región, afirmó la alcaldesa. Según la empresa, la inversión alcanzó 1.200 millones de euros y más de lo previsto.'), 'es');
    assert.strictEqual(of('L’azienda ha inaugurato oggi il suo nuovo stabilimento. È una giornata importante per la regione, ha dichiarato il sindaco. L’investimento è stato di 1,2 miliardi di euro.'), 'it');
    assert.strictEqual(of('L’entreprise a inauguré aujourd’hui sa nouvelle usine. C’est un grand jour pour la région, a déclaré la maire. Le projet a coûté plus que prévu, selon les dirigeants.'), 'fr');
    assert.strictEqual(of('Compania a inaugurat astăzi noua fabrică. Este o zi mare pentru regiune, a declarat primarul. Investiția a fost mai mare decât era prevăzut, iar fabrica poate angaja 300 de oameni.'), 'ro');
  });

  it('counts whole words only: Polish `w`, not the `w` of Yoruba `wà`', () => {
    assert.strictEqual(of('Spółka otworzyła dziś nową fabrykę w Łodzi. To wielki dzień dla regionu, powiedziała prezydent miasta w rozmowie dla prasy.'), 'pl');
    assert.strictEqual(of('Àwọn ènìyàn wà ní ìlú. Wọ́n wà níbẹ̀, wọ́n sì wà pẹ̀lú wa.'), 'unknown');
  });

  it('says unknown where no language has enough of its words', () => {
    assert.strictEqual(of('Acme 2026: 300 units, 12 sites.'), 'unknown');
  });
});
